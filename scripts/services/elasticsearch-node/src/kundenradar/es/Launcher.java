package kundenradar.es;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.ClasspathPluginsNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts one Elasticsearch node from jars on the classpath: `java -cp ... kundenradar.es.Launcher HOME`.
 * HOME/config holds elasticsearch.yml and log4j2.properties (written by scripts/services/elasticsearch).
 * SIGTERM closes the node cleanly (flushes shards) before the JVM exits.
 */
public final class Launcher {
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: Launcher ES_HOME");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        LogConfigurator.registerErrorListener();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            Settings.builder().put(Environment.PATH_HOME_SETTING.getKey(), home.toString()).build(),
            Map.of(),
            home.resolve("config"),
            () -> "kundenradar-node"
        );
        LogConfigurator.setNodeName(Node.NODE_NAME_SETTING.get(environment.settings()));
        LogConfigurator.configure(environment, true);

        Node node = new ClasspathPluginsNode(environment, List.of(Netty4Plugin.class, KundenradarAnalysisPlugin.class, RootInfoPlugin.class));
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                closed.countDown();
            }
        }, "kundenradar-node-shutdown"));
        node.start();
        // Node threads are daemons in places: keep main alive until shutdown.
        closed.await();
    }
}
