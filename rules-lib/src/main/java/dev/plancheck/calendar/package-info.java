/** Internal: the calendar of an assessment year: node days (fixed, solar terms, lunar festivals), windows, seasons, series declared once (month, quarter…) with their due days, and spans into the next year. */
package dev.plancheck.calendar;
