/** The rule catalogue, generated from the rules' metadata and the pack's parameters. */
package dev.plancheck.catalogue;
