namespace EgressInfra.Core.Explain;

/// <summary>What happens to the traffic, and why, in one word.</summary>
public enum ExplainOutcome
{
    /// <summary>Allowed: an entry visible to the namespace declares the host (or address) and the port.</summary>
    Declared,

    /// <summary>Allowed, by accident: an opaque TCP entry without addresses and with resolution NONE opens the whole port.</summary>
    PortWide,

    /// <summary>Allowed only because the outbound policy is ALLOW_ANY (PassthroughCluster).</summary>
    Passthrough,

    /// <summary>Denied: the namespace is not governed by this stack.</summary>
    NotGoverned,

    /// <summary>Denied: nothing in the stack declares the destination.</summary>
    NoEntry,

    /// <summary>Denied: a service declares it, but for other namespaces only.</summary>
    WrongNamespace,

    /// <summary>Denied: the host is declared, but not on this port.</summary>
    PortNotDeclared,

    /// <summary>Broken: the port is declared with a protocol the client does not speak.</summary>
    ProtocolMismatch,

    /// <summary>Broken: another entry owns the port for every destination and sends the traffic to its own host.</summary>
    WrongUpstream,

    /// <summary>Denied: only a <c>*.</c> wildcard of the host is declared, and wildcards leave out the apex.</summary>
    WildcardApex,
}
