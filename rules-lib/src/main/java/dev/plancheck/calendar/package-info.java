/** Internal: the calendar of an assessment year: node days (fixed, solar terms, the Spring Festival), windows, seasons and half-years. */
package dev.plancheck.calendar;
