using System.Globalization;
using System.Net;
using EgressInfra.Core.Config;
using EgressInfra.Core.Validation;

namespace EgressInfra.Core.Explain;

/// <summary>The question <c>egressctl explain</c> answers: may a pod in <see cref="Namespace"/> reach <see cref="Host"/>:<see cref="Port"/>?</summary>
/// <param name="Host">A concrete host name (what the client puts in SNI or <c>Host:</c>) or an IP address.</param>
/// <param name="Protocol">What the client speaks; null means "whatever the stack declares for that port".</param>
public sealed record ExplainQuery(string Namespace, string Host, int Port, ServiceProtocol? Protocol = null)
{
    public bool IsAddress => IPAddress.TryParse(Host, out _);

    /// <summary><c>host:port</c>, with an IPv6 address in brackets.</summary>
    public string Destination => Host.Contains(':', StringComparison.Ordinal)
        ? string.Create(CultureInfo.InvariantCulture, $"[{Host}]:{Port}")
        : string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");

    /// <summary>Why the question cannot be asked as written; empty when it can.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!KubernetesNames.IsDns1123Label(Namespace))
        {
            problems.Add($"'{Namespace}' is not a namespace name");
        }

        if (Host.Contains('*', StringComparison.Ordinal))
        {
            problems.Add($"'{Host}' is a pattern; ask about one concrete host, e.g. api.{Host.TrimStart('*', '.')}");
        }
        else if (!IsAddress && !KubernetesNames.IsDns1123Subdomain(Host.ToLowerInvariant().TrimEnd('.')))
        {
            problems.Add($"'{Host}' is neither a host name nor an IP address");
        }

        if (Port is < 1 or > 65535)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"port {Port} is outside 1..65535"));
        }

        if (Protocol == ServiceProtocol.Udp)
        {
            problems.Add("the sidecar does not intercept UDP (other than DNS), so a ServiceEntry does not decide UDP traffic; explain covers TCP-based protocols");
        }

        return problems;
    }

    /// <summary>Reads a protocol the way stack files do (any case); null when it is not one.</summary>
    public static ServiceProtocol? ParseProtocol(string text) =>
        IstioNames.Protocols.TryGetValue(text, out var protocol) ? protocol : null;

    /// <summary>The query with the host lower-cased and any trailing dot removed, as DNS compares names.</summary>
    public ExplainQuery Normalized() => this with { Host = IsAddress ? Host : Host.ToLowerInvariant().TrimEnd('.') };
}
