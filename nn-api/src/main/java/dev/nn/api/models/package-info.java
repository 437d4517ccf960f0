/** The Keras-style {@link dev.nn.api.models.Sequential} model: compile, fit, evaluate, predict. */
package dev.nn.api.models;
