/**
 * How submitted text is shown safely in every output: {@link dev.plancheck.text.VisibleText} shows hidden characters
 * as {@code [U+XXXX]}, and {@link dev.plancheck.text.Markup} escapes text for HTML and XML on top of it. Public API;
 * depends on nothing.
 */
package dev.plancheck.text;
