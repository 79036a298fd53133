/** The checking service: a web page and an HTTP API over the bundled packs, on the JDK's own HTTP server. */
package dev.plancheck.service;
