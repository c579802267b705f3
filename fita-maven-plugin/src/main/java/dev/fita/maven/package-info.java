/**
 * The Mojos: thin goals that read their parameters, call the packages below and turn typed failures into
 * one sentence naming the element ({@code goal.GoalErrors}). {@link dev.fita.maven.AbstractFitaMojo} holds
 * what every goal shares (parameters with Jib's names, settings, console, registry access).
 */
package dev.fita.maven;
