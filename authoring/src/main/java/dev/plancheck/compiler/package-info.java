/** What the DRL compiler adds for packs compiled at run time: constraints compiled ahead of their first use. */
package dev.plancheck.compiler;
