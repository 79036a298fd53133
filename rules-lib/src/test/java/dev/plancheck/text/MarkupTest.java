package dev.plancheck.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one HTML/XML escaper: the five special characters as references, every hidden character shown, as on a terminal. */
class MarkupTest {
    @Test
    void escapes_the_five_special_characters_and_shows_control_characters() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;A &amp; B&lt;/a&gt;",
                Markup.text("<a href=\"x\" title='y'>A & B</a>"));
        assertEquals("响[U+0007]铃[U+0000][U+007F][U+0085][U+202E]\n\t", Markup.text("响\u0007铃\u0000\u007F\u0085\u202E\n\t"));
        assertEquals("", Markup.text(null));
        assertEquals("会议", Markup.text("会议"));
    }

    @Test
    void an_attribute_keeps_its_line_breaks_through_xml_normalisation() {
        assertEquals("第一行&#10;第二行&#9;&#13;", Markup.attribute("第一行\n第二行\t\r"));
        assertEquals("[U+FFFE]&amp;", Markup.attribute("\uFFFE&"));
    }

    @Test
    void shows_what_visible_text_shows_and_nothing_more() {
        String hostile = "\u001b[2J\u202e\u200b标题\ud800";
        assertEquals(VisibleText.text(hostile), Markup.text(hostile));
    }
}
