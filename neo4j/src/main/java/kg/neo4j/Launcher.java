package kg.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;

/**
 * Runs Neo4j Community as a real Bolt server inside this JVM.
 *
 * <p>Usage: {@code java -cp 'target/neo4j-launcher.jar:target/lib/*' kg.neo4j.Launcher HOME_DIR}.
 * Settings come from {@code HOME_DIR/conf/neo4j.conf} (written by the Node service), the password
 * of user {@code neo4j} from the environment variable {@code NEO4J_PASSWORD}. Prints one line
 * {@code NEO4J_READY} once the database accepts connections, and shuts down cleanly on SIGTERM,
 * SIGINT, or when its standard input closes (the parent process is gone).
 */
public final class Launcher {
  private static final String READY = "NEO4J_READY";
  private static final long AVAILABLE_TIMEOUT_MS = 120_000;

  private Launcher() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      fail("usage: Launcher HOME_DIR");
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    Path conf = home.resolve("conf").resolve("neo4j.conf");
    if (!Files.isRegularFile(conf)) {
      fail("missing " + conf);
    }
    String password = System.getenv("NEO4J_PASSWORD");
    if (password == null || password.length() < 8) {
      fail("NEO4J_PASSWORD must be set to at least 8 characters");
    }

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
    Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));

    ensurePassword(dbms.database("system"), password, home.resolve("data").resolve("kg-password.sha256"));
    GraphDatabaseService db = dbms.database("neo4j");
    if (!db.isAvailable(AVAILABLE_TIMEOUT_MS)) {
      fail("database neo4j did not become available");
    }
    System.out.println(READY);
    System.out.flush();

    // The parent holds our stdin open; EOF means it is gone and we must not outlive it.
    while (System.in.read() != -1) {
      // discard input
    }
    System.exit(0);
  }

  /**
   * Sets the password of user neo4j, unless the salted hash kept beside the store says it is
   * already set: ALTER USER costs seconds of start-up, comparing a hash costs nothing.
   */
  private static void ensurePassword(GraphDatabaseService system, String password, Path marker)
      throws IOException {
    if (Files.isRegularFile(marker)) {
      List<String> saved = Files.readAllLines(marker, StandardCharsets.UTF_8);
      if (saved.size() == 2 && saved.get(1).equals(hash(saved.get(0), password))) {
        return;
      }
    }
    try {
      system.executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
    } catch (QueryExecutionException e) {
      // Neo4j refuses to "change" a password to its current value: it is already right.
      if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
        throw e;
      }
    }
    byte[] saltBytes = new byte[16];
    new SecureRandom().nextBytes(saltBytes);
    String salt = HexFormat.of().formatHex(saltBytes);
    Files.write(marker, List.of(salt, hash(salt, password)), StandardCharsets.UTF_8);
  }

  private static String hash(String salt, String password) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(salt.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void fail(String message) {
    System.err.println("launcher: " + message);
    System.exit(2);
  }
}
