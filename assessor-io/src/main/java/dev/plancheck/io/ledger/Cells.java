package dev.plancheck.io.ledger;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The cells of one row, kept compact: a text cell as its string, a blank one as nothing, only other cells as a
 * {@link CellValue}; the value of a text cell is made when it is read. A ledger of a hundred thousand rows holds a
 * million text cells, and this halves what they cost.
 */
final class Cells extends AbstractList<CellValue> implements RandomAccess {
    private final Object[] values;

    private Cells(Object[] values) {
        this.values = values;
    }

    /** The cells, their trailing blanks dropped. */
    static List<CellValue> of(List<CellValue> cells) {
        int last = cells.size();
        while (last > 0 && cells.get(last - 1).isBlank()) {
            last--;
        }
        Object[] values = new Object[last];
        for (int i = 0; i < last; i++) {
            CellValue v = cells.get(i);
            values[i] = v.isBlank() ? null : v.kind() == CellValue.Kind.TEXT ? v.text() : v;
        }
        return new Cells(values);
    }

    @Override
    public CellValue get(int index) {
        Object v = values[index];
        return v == null ? CellValue.BLANK : v instanceof String s ? new CellValue(CellValue.Kind.TEXT, s, null, null)
                : (CellValue) v;
    }

    @Override
    public int size() {
        return values.length;
    }
}
