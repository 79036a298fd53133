package dev.plancheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code checker serve}: what is refused before anything listens, and its help. (The service itself is tested in its module.) */
class ServeCommandTest {
    @Test
    void refuses_to_listen_beyond_this_machine_without_a_token() {
        MainTest.Run r = MainTest.run("serve", "--host", "0.0.0.0", "--port", "0");
        if (System.getenv("PLANCHECK_TOKEN") != null) {
            return; // the environment gives a token: then it would start, which is not what this test is about
        }
        assertEquals(2, r.code(), r.err());
        assertEquals("无法启动检查服务：在 0.0.0.0 上监听会让本机以外的计算机访问检查服务，必须设置访问令牌：用 --token 给出，"
                + "或设置环境变量 PLANCHECK_TOKEN；只在本机使用时请用 --host 127.0.0.1\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void help_lists_the_limits_in_chinese() {
        MainTest.Run r = MainTest.run("serve", "--help");
        assertEquals(0, r.code(), r.err());
        for (String s : new String[] {"--host", "--port", "--token", "--max-request-mb", "--max-files", "--max-checks",
                "--queue-wait", "启动检查服务", "PLANCHECK_TOKEN"}) {
            assertTrue(r.out().contains(s), s + " in:\n" + r.out());
        }
        assertTrue(MainTest.run("--help").out().contains("serve"), "listed among the commands");
    }
}
