/** The facts the rules match: organisational units, activity records and the periods and quotas of a rule pack. */
package dev.plancheck.model;
