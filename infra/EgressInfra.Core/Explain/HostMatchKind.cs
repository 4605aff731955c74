namespace EgressInfra.Core.Explain;

/// <summary>Why an entry applies to a destination, most specific first (the order Istio prefers them in).</summary>
public enum HostMatchKind
{
    /// <summary>The host is one of the entry's hosts.</summary>
    Exact,

    /// <summary>The host is a subdomain of one of the entry's <c>*.</c> hosts.</summary>
    Wildcard,

    /// <summary>The destination IP is one of the entry's addresses or inside one of its CIDR ranges.</summary>
    Address,

    /// <summary>The entry declares the port as opaque TCP without addresses, so it owns the port for every destination.</summary>
    PortWide,
}
