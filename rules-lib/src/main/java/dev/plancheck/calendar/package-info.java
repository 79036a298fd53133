/** The calendar of an assessment year: node days (fixed or solar terms), windows, seasons and half-years. */
package dev.plancheck.calendar;
