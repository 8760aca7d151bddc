package org.optjit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's API snippet compiles as written: its imports, then its statements in a method. */
class ReadmeSnippetTest {

    @Test
    void theApiSnippetCompiles(@TempDir Path dir) throws Exception {
        Matcher m = Pattern.compile("(?s)```java\\n(.*?)```").matcher(Files.readString(Path.of("README.md")));
        assertTrue(m.find(), "README has a java block");
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : m.group(1).split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        String source = imports + "class Snippet {\n  void run() throws Exception {\n" + body + "  }\n}\n";
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        JavaFileObject file = new SimpleJavaFileObject(java.net.URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        StringWriter out = new StringWriter();
        boolean ok = javac.getTask(out, null, null, List.of("-d", dir.toString(), "-classpath",
                System.getProperty("java.class.path"), "--release", "17"), null, List.of(file)).call();
        assertTrue(ok, out + "\n" + source);
    }
}
