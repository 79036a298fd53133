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
                + "或设置环境变量 PLANCHECK_TOKEN（可用 openssl rand -hex 24 生成）；只在本机使用时请用 --host 127.0.0.1\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void refuses_at_start_a_token_that_cannot_be_sent_in_a_header() {
        // The docs' old example: Chinese cannot travel in an HTTP header, so every API call would have got 401.
        for (String token : new String[] {"长而随机的令牌", "two words", "tab\there"}) {
            MainTest.Run r = MainTest.run("serve", "--port", "0", "--token", token);
            assertEquals(2, r.code(), token + ": " + r.err());
            assertEquals("无法启动检查服务：访问令牌只能由英文字母、数字和 - . _ ~ + / 组成（末尾可有 =）："
                    + "令牌要放在 HTTP 请求头 Authorization: Bearer 令牌 中发送，汉字、空格等字符在请求头中无法发送。"
                    + "可以这样生成一个随机令牌：openssl rand -hex 24\n", r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void refuses_an_allowed_origin_that_is_not_an_origin() {
        MainTest.Run r = MainTest.run("serve", "--port", "0", "--allow-origin", "https://jiancha.example.gov.cn/check");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("无法启动检查服务：--allow-origin 的值应为浏览器地址栏中的来源"), r.err());
    }

    @Test
    void help_lists_the_limits_in_chinese() {
        MainTest.Run r = MainTest.run("serve", "--help");
        assertEquals(0, r.code(), r.err());
        for (String s : new String[] {"--host", "--port", "--token", "--max-request-mb", "--max-files", "--max-checks",
                "--queue-wait", "--allow-origin", "启动检查服务", "PLANCHECK_TOKEN"}) {
            assertTrue(r.out().contains(s), s + " in:\n" + r.out());
        }
        assertTrue(MainTest.run("--help").out().contains("serve"), "listed among the commands");
    }
}
