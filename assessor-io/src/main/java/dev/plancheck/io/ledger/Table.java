package dev.plancheck.io.ledger;

import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import java.util.List;

/**
 * One table of a ledger as read from a file: the 单位 or 活动 sheet of a workbook, or a block of a CSV file. Rows and
 * columns are numbered as the user sees them (rows from 1, columns from 0 = A) so that every problem names the cell.
 *
 * @param name      the sheet (or block) name, e.g. {@code 活动}
 * @param order     the table's place in the file, for sorting problems
 * @param headerRow the row number of the header row, or 0 when there is none
 * @param header    the header cells
 * @param rows      the data rows below the header, empty ones included (they are skipped when read)
 * @param place     how a place in this table is written in messages
 */
record Table(String name, int order, int headerRow, List<CellValue> header, List<Row> rows, Place place) {
    /**
     * The columns of a row that are read; a ledger has fewer than 20. A filled cell further right is reported at its
     * cell and not kept, so that a row of a million cells costs no more than one of 64.
     */
    static final int MAX_COLUMNS = 64;

    /** One row: its number and its cells from column A. */
    record Row(int number, List<CellValue> cells) {
        CellValue cell(int column) {
            return column < cells.size() ? cells.get(column) : CellValue.BLANK;
        }

        boolean isBlank() {
            return cells.stream().allMatch(CellValue::isBlank);
        }
    }

    /** Writes places in messages: {@code 活动!C12} for a workbook, line 12 and {@code C12} for a CSV file. */
    interface Place {
        Problem cell(ProblemCode code, String table, int row, int column, String message);

        Problem table(ProblemCode code, String table, int row, String message);
    }

    /** A problem with the position it sorts by. */
    record Located(int order, int row, int column, Problem problem) {
    }

    Located at(ProblemCode code, int row, int column, String message) {
        return new Located(order, row, column, place.cell(code, name, row, column, message));
    }

    Located whole(ProblemCode code, String message) {
        return new Located(order, headerRow, -1, place.table(code, name, headerRow, message));
    }

    /** Places in a workbook: the path is the sheet and cell, {@code 活动!C12}; no line or column. */
    static Place workbook(String file) {
        return new Place() {
            @Override
            public Problem cell(ProblemCode code, String table, int row, int column, String message) {
                return new Problem(code, file, 0, 0, table + "!" + LedgerLayout.letter(column) + row, message);
            }

            @Override
            public Problem table(ProblemCode code, String table, int row, String message) {
                return new Problem(code, file, 0, 0, table, message);
            }
        };
    }

    /** Places in a CSV file: the line is the row as a spreadsheet shows it, the path the cell, {@code C12}. */
    static Place csv(String file) {
        return new Place() {
            @Override
            public Problem cell(ProblemCode code, String table, int row, int column, String message) {
                return new Problem(code, file, row, 0, LedgerLayout.letter(column) + row, message);
            }

            @Override
            public Problem table(ProblemCode code, String table, int row, String message) {
                return new Problem(code, file, row, 0, "", message);
            }
        };
    }
}
