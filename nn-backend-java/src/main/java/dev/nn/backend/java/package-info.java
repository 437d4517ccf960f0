/** The pure-Java backend; use it through {@code Backends.get("java")} or {@code new JavaBackend(threads)}. */
package dev.nn.backend.java;
