package dev.plancheck.bench;

/** The floor of a cold start: a bare JVM printing one line. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
