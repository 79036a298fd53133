/** Engine internals: compiling a rule set with Drools, the {@code findings} global the rules report to, and turning findings into a report. Not part of the embedders' API. */
package dev.plancheck.engine;
