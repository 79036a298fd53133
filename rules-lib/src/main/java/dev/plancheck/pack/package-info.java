/** Loading a rule pack: its rule set (DRL, clauses, vocabulary) and its parameter file, with located errors. */
package dev.plancheck.pack;
