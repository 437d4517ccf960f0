/** The experiments of Chapter 3, one class per book section, each reading like the book's listing. */
package dev.nn.experiments.book;
