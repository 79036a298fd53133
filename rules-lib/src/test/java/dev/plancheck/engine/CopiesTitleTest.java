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
    void a_full_width_and_punctuated_title_is_the_plain_one() {
        assertEquals("冬送温暖慰问", compared("“冬送温暖”　慰问。"));
        assertEquals("abc统战工作专题会议2023", compared("ＡＢＣ《统战工作》专题会议（2023）"));
    }
}
