/** Ledgers as spreadsheets: the generated template, reading xlsx and csv ledgers, writing a submission as xlsx or JSON. */
package dev.plancheck.io.ledger;
