using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Validation.DestinationRules;

/// <summary>agent.ValidateTLS: what each client TLS mode (DISABLE, SIMPLE, MUTUAL, ISTIO_MUTUAL) requires and excludes.</summary>
public static class ClientTlsRules
{
    private const string ConfigMapPrefix = "configmap://";

    public static void Check(MappingNode? tls, string path, string ns, ObjectFindings f)
    {
        if (tls is null)
        {
            return;
        }

        var mode = SpecNode.Text(tls, "mode");
        var credentialName = SpecNode.Text(tls, "credentialName");
        var caCertificates = SpecNode.Text(tls, "caCertificates");
        var hasSans = SpecNode.Has(tls, "subjectAltNames");

        if (credentialName.StartsWith(ConfigMapPrefix, StringComparison.Ordinal))
        {
            var reference = credentialName[ConfigMapPrefix.Length..];
            var slash = reference.IndexOf('/', StringComparison.Ordinal);
            var refNs = slash < 0 ? ns : reference[..slash];
            var name = slash < 0 ? reference : reference[(slash + 1)..];
            if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal))
            {
                f.Add(EnforcementKindCodes.ClientTls, ConfigPath.Child(path, "credentialName"), $"invalid configmap:// credentialName \"{credentialName}\"");
            }
            else if (refNs != ns)
            {
                f.Add(EnforcementKindCodes.ClientTls, ConfigPath.Child(path, "credentialName"), $"a configmap:// credentialName must be in the DestinationRule's namespace \"{ns}\"");
            }
        }

        if (SpecNode.WrappedTrue(tls, "insecureSkipVerify"))
        {
            if (mode == "SIMPLE" && (caCertificates.Length > 0 || credentialName.Length > 0 || hasSans))
            {
                f.Add(EnforcementKindCodes.ClientTls, ConfigPath.Child(path, "insecureSkipVerify"), "caCertificates, credentialName and subjectAltNames cannot be given when insecureSkipVerify is true");
            }

            if (mode == "MUTUAL" && (caCertificates.Length > 0 || hasSans))
            {
                f.Add(EnforcementKindCodes.ClientTls, ConfigPath.Child(path, "insecureSkipVerify"), "caCertificates and subjectAltNames cannot be given when insecureSkipVerify is true");
            }
        }

        if (mode is "SIMPLE" or "MUTUAL" && credentialName.Length > 0)
        {
            if (SpecNode.Text(tls, "clientCertificate").Length > 0 || caCertificates.Length > 0
                || SpecNode.Text(tls, "privateKey").Length > 0 || SpecNode.Text(tls, "caCrl").Length > 0)
            {
                f.Add(EnforcementKindCodes.ClientTls, path, "client certificates, CA certificates and a CA CRL cannot be given with credentialName: the credential holds them");
            }

            return;
        }

        if (mode == "MUTUAL")
        {
            if (SpecNode.Text(tls, "clientCertificate").Length == 0)
            {
                f.Add(EnforcementKindCodes.ClientTls, ConfigPath.Child(path, "clientCertificate"), "MUTUAL TLS needs a client certificate (or a credentialName)");
            }

            if (SpecNode.Text(tls, "privateKey").Length == 0)
            {
                f.Add(EnforcementKindCodes.ClientTls, ConfigPath.Child(path, "privateKey"), "MUTUAL TLS needs a private key (or a credentialName)");
            }
        }
    }
}
