package dev.plancheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plancheck.model.Activity;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Titles are compared without spaces, punctuation and symbols (“冬送温暖”　慰问。 is 冬送温暖慰问). The comparison is a loop
 * over general categories, for speed; this holds it to the regular expression that says what it removes.
 */
class CopiesTitleTest {
    private static final Pattern NOT_IN_TITLE = Pattern.compile("[\\p{Z}\\s\\p{P}\\p{S}\\p{Cc}\\p{Cf}]+");

    private static String byPattern(String title) {
        return NOT_IN_TITLE.matcher(Normalizer.normalize(title, Normalizer.Form.NFKC)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static String compared(String title) {
        return Copies.title(Activity.builder("a").unitId("DC").kind("visit").date(LocalDate.of(2023, 3, 1)).title(title).build());
    }

    @Test
    void every_character_is_kept_or_dropped_as_the_pattern_says() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String title = "x" + new String(Character.toChars(c)) + "y";
            int code = c;
            assertEquals(byPattern(title), compared(title), () -> "U+" + Integer.toHexString(code));
        }
        String lone = "\uD800 lone \uDC00";
        assertEquals(byPattern(lone), compared(lone));
    }

    @Test
    void the_path_without_the_normaliser_agrees_with_it_for_every_pair_of_its_characters() {
        // Every character the plain path accepts but the CJK ideographs (which NFKC leaves alone), and two of those.
        StringBuilder accepted = new StringBuilder("统战");
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if ((c < 0x4E00 || c > 0x9FFF) && Copies.plainTitle(String.valueOf(c)) != null) {
                accepted.append(c);
            }
        }
        for (int i = 0; i < accepted.length(); i++) {
            for (int j = 0; j < accepted.length(); j++) {
                String title = "" + accepted.charAt(i) + accepted.charAt(j);
                assertEquals(Copies.normalisedTitle(title), Copies.plainTitle(title),
                        () -> "U+" + Integer.toHexString(title.charAt(0)) + " U+" + Integer.toHexString(title.charAt(1)));
            }
        }
    }

    @Test
    void ordinary_titles_need_no_normaliser() {
        assertEquals("冬送温暖慰问", Copies.plainTitle("“冬送温暖”　慰问。"));
        assertEquals("abc统战工作专题会议2023", Copies.plainTitle("ＡＢＣ《统战工作》专题会议（2023）"));
        assertEquals(null, Copies.plainTitle("ｶﾞｲﾄﾞ")); // half-width katakana: the normaliser composes them
    }

    @Test
    void a_full_width_and_punctuated_title_is_the_plain_one() {
        assertEquals("冬送温暖慰问", compared("“冬送温暖”　慰问。"));
        assertEquals("abc统战工作专题会议2023", compared("ＡＢＣ《统战工作》专题会议（2023）"));
    }
}
