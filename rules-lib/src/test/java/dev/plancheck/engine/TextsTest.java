package dev.plancheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Amounts in findings read {@code 12,000.00 元}. The text is built by hand for speed (a check writes many); this holds
 * it to the {@link DecimalFormat} pattern {@code #,##0.00} that says what it writes.
 */
class TextsTest {
    private static String byFormat(BigDecimal amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount) + " 元";
    }

    @Test
    void money_is_written_as_the_decimal_format_writes_it() {
        for (String written : new String[] {"0", "0.5", "1", "12", "123", "1234", "12000", "12500.50", "999999999999.99",
                "1000000000000", "-1", "-1234.5", "-0.001", "0.005", "0.015", "1234.565", "1e3", "100.00"}) {
            BigDecimal amount = new BigDecimal(written);
            assertEquals(byFormat(amount), Texts.money(amount), written);
        }
        Random random = new Random(24);
        for (int i = 0; i < 10_000; i++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextLong() % 100_000_000_000_000L, random.nextInt(4));
            assertEquals(byFormat(amount), Texts.money(amount), amount.toPlainString());
        }
    }

    @Test
    void money_groups_thousands_and_keeps_two_decimals() {
        assertEquals("12,000.00 元", Texts.money(new BigDecimal("12000")));
        assertEquals("999,999,999,999.99 元", Texts.money(new BigDecimal("999999999999.99")));
    }
}
