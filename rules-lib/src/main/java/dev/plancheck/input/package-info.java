/** Reading submissions and pack files: JSON with the position of every value, and validation that reports every problem at once. */
package dev.plancheck.input;
