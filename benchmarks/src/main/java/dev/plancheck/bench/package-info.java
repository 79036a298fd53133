/** The benchmark suite: a seeded city generator, whole-process and in-process figures, the national run. */
package dev.plancheck.bench;
