/**
 * The Chapter 3 data sets with Keras's {@code load_data} semantics: {@link dev.nn.datasets.Imdb},
 * {@link dev.nn.datasets.Reuters}, {@link dev.nn.datasets.BostonHousing}; finding and downloading the
 * files ({@link dev.nn.datasets.DataFiles}); and the chapter's preprocessing
 * ({@link dev.nn.datasets.Preprocessing}, {@link dev.nn.datasets.WordIndex}).
 */
package dev.nn.datasets;
