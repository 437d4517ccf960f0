/** The pure-Java backend; use it through {@code Backends.create("java", threads)} or {@code new JavaBackend(threads)}. */
package dev.nn.backend.java;
