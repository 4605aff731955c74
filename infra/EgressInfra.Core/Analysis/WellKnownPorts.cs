using System.Collections.Frozen;

namespace EgressInfra.Core.Analysis;

/// <summary>A well-known non-HTTP service port, and what the sidecar does wrong with it when left to guess.</summary>
/// <param name="ServerFirst">The server speaks first (or Istio lists the protocol as incompatible with
/// detection), so a sniffing sidecar waits for client bytes that never come: the connection hangs.</param>
/// <param name="Protocol">The protocol to declare instead.</param>
internal sealed record WellKnownPort(string Name, bool ServerFirst, string Protocol);

/// <summary>
/// Data for the F13 rule. Server-first protocols hang under sniffing (Istio's protocol-selection
/// page names SMTP, DNS, MySQL and MongoDB); every protocol here breaks when declared as HTTP.
/// </summary>
internal static class WellKnownPorts
{
    public static readonly FrozenDictionary<long, WellKnownPort> ByNumber = new Dictionary<long, WellKnownPort>
    {
        [21] = new("FTP", true, "TCP"),
        [22] = new("SSH", true, "TCP"),
        [25] = new("SMTP", true, "TCP"),
        [53] = new("DNS", true, "TCP"),
        [110] = new("POP3", true, "TCP"),
        [143] = new("IMAP", true, "TCP"),
        [389] = new("LDAP", false, "TCP"),
        [465] = new("SMTPS", false, "TLS"),
        [587] = new("SMTP submission", true, "TCP"),
        [636] = new("LDAPS", false, "TLS"),
        [993] = new("IMAPS", false, "TLS"),
        [995] = new("POP3S", false, "TLS"),
        [1433] = new("SQL Server", false, "TCP"),
        [1521] = new("Oracle", false, "TCP"),
        [3306] = new("MySQL", true, "MySQL"),
        [4222] = new("NATS", true, "TCP"),
        [5432] = new("PostgreSQL", false, "TCP"),
        [5672] = new("AMQP", false, "TCP"),
        [6379] = new("Redis", false, "Redis"),
        [9042] = new("Cassandra", false, "TCP"),
        [9092] = new("Kafka", false, "TCP"),
        [11211] = new("Memcached", false, "TCP"),
        [27017] = new("MongoDB", true, "Mongo"),
    }.ToFrozenDictionary();
}
