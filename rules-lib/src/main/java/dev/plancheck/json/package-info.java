/**
 * Internal: JSON read with the position of every value, within the {@code InputLimits}, turning every mistake into a
 * located, coded problem (submissions, waiver files, pack files and scenario files all read through here). Used by
 * this library and by plancheck's own modules; not promised to embedders.
 */
package dev.plancheck.json;
