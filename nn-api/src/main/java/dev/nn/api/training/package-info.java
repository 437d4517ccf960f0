/** What training produces and reports: History, per-epoch metrics, listeners for progress. */
package dev.nn.api.training;
