/**
 * Internal: reading submissions (JSON, streamed; NDJSON, a submission per line) and JSON waiver files, and the
 * validation every reader shares, which checks a submission against its pack's vocabulary and reports every problem
 * at once. Used by this library and by plancheck's own modules; not promised to embedders.
 */
package dev.plancheck.ledger;
