package dev.plancheck.calendar;

import java.time.LocalDate;

/**
 * The lunar festivals a pack may name as a node day ({@code "lunar": "DOUBLE_NINTH"}). Each is a day of a regular
 * month, never of a leap month; 除夕 is the last day of the twelfth month (the 29th or the 30th), the day before the
 * next 正月初一.
 *
 * <p>Example: {@code LunarFestival.DOUBLE_NINTH.inLunarYear(2023)} returns {@code 2023-10-23};
 * {@code LunarFestival.NEW_YEARS_EVE.inLunarYear(2022)} returns {@code 2023-01-21}.
 */
public enum LunarFestival {
    SPRING_FESTIVAL("春节", "正月初一", 1, 1),
    LANTERN("元宵", "正月十五", 1, 15),
    DRAGON_BOAT("端午", "五月初五", 5, 5),
    QIXI("七夕", "七月初七", 7, 7),
    ZHONGYUAN("中元", "七月十五", 7, 15),
    MID_AUTUMN("中秋", "八月十五", 8, 15),
    DOUBLE_NINTH("重阳", "九月初九", 9, 9),
    LABA("腊八", "腊月初八", 12, 8),
    /** The last day of the twelfth month; {@code day} 0 stands for "the last". */
    NEW_YEARS_EVE("除夕", "腊月最后一日（廿九或三十）", 12, 0);

    private final String chineseName;
    private final String lunarDate;
    private final int month;
    private final int day;

    LunarFestival(String chineseName, String lunarDate, int month, int day) {
        this.chineseName = chineseName;
        this.lunarDate = lunarDate;
        this.month = month;
        this.day = day;
    }

    /** The festival's Chinese name, e.g. {@code 重阳}. */
    public String chineseName() {
        return chineseName;
    }

    /** Its day in the lunar calendar, in words, e.g. {@code 九月初九}. */
    public String lunarDate() {
        return lunarDate;
    }

    /** Whether it falls in the twelfth month, and so usually in January or February of the next Gregorian year. */
    public boolean inTwelfthMonth() {
        return month == 12;
    }

    /**
     * The festival's day in the lunar year that begins in Gregorian {@code lunarYear}.
     *
     * @throws IllegalArgumentException if the calendar for that lunar year is outside the supported range
     */
    public LocalDate inLunarYear(int lunarYear) {
        return day == 0 ? LunarCalendar.newYearsEve(lunarYear) : LunarCalendar.dayOf(lunarYear, month, day);
    }
}
