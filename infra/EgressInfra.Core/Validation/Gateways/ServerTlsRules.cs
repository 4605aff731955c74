using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Validation.Gateways;

/// <summary>validateTLSOptions: what each server TLS mode requires and forbids.</summary>
internal static class ServerTlsRules
{
    /// <summary>security.ValidCipherSuites: what Envoy's BoringSSL names and Istio passes through.</summary>
    private static readonly HashSet<string> KnownCiphers = new(StringComparer.Ordinal)
    {
        "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384",
        "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
        "ECDHE-ECDSA-AES128-SHA", "ECDHE-RSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA", "ECDHE-RSA-AES256-SHA",
        "AES128-GCM-SHA256", "AES256-GCM-SHA384", "AES128-SHA", "AES256-SHA", "DES-CBC3-SHA",
    };

    public static void Check(MappingNode tls, string path, ObjectFindings f)
    {
        var mode = SpecNode.Text(tls, "mode");
        if (mode.Length == 0)
        {
            mode = "PASSTHROUGH"; // the enum's zero value
        }

        var minVersion = SpecNode.Text(tls, "minProtocolVersion");
        var ciphers = SpecNode.Strings(tls, "cipherSuites");
        if (minVersion is "TLSV1_0" or "TLSV1_1" && ciphers.Count == 0)
        {
            f.Add(EnforcementKindCodes.GatewayTlsWarning, ConfigPath.Child(path, "minProtocolVersion"), "TLS versions below TLSV1_2 need compatible cipherSuites: the default ciphers no longer include them");
        }

        var invalid = ciphers.Where(c => !IsValidCipher(c)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var duplicate = ciphers.Where(IsValidCipher).GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        if (invalid.Count > 0)
        {
            f.Add(EnforcementKindCodes.GatewayTlsWarning, ConfigPath.Child(path, "cipherSuites"), $"Istio ignores the invalid cipher suites {string.Join(", ", invalid)}");
        }

        if (duplicate.Count > 0)
        {
            f.Add(EnforcementKindCodes.GatewayTlsWarning, ConfigPath.Child(path, "cipherSuites"), $"Istio ignores the duplicate cipher suites {string.Join(", ", duplicate)}");
        }

        var serverCertificate = SpecNode.Text(tls, "serverCertificate");
        var privateKey = SpecNode.Text(tls, "privateKey");
        var caCertificates = SpecNode.Text(tls, "caCertificates");
        var credentialName = SpecNode.Text(tls, "credentialName");
        var credentialNames = SpecNode.NonEmpty(tls, "credentialNames");
        var certificates = SpecNode.Items(tls, "tlsCertificates");
        var caCrl = SpecNode.Text(tls, "caCrl");

        if (mode == "ISTIO_MUTUAL")
        {
            void Forbid(bool set, string field, string what)
            {
                if (set)
                {
                    f.Add(EnforcementKindCodes.GatewayTlsSettings, ConfigPath.Child(path, field), $"ISTIO_MUTUAL TLS cannot have an associated {what}: istiod provides the certificates");
                }
            }

            Forbid(serverCertificate.Length > 0, "serverCertificate", "server certificate");
            Forbid(privateKey.Length > 0, "privateKey", "private key");
            Forbid(caCertificates.Length > 0, "caCertificates", "CA bundle");
            Forbid(certificates.Count > 0, "tlsCertificates", "tlsCertificates");
            Forbid(credentialName.Length > 0, "credentialName", "credentialName");
            Forbid(credentialNames, "credentialNames", "credentialNames");
            return;
        }

        if (mode is "PASSTHROUGH" or "AUTO_PASSTHROUGH"
            && (caCrl.Length > 0 || serverCertificate.Length > 0 || privateKey.Length > 0 || caCertificates.Length > 0
                || certificates.Count > 0 || credentialName.Length > 0 || credentialNames))
        {
            f.Add(EnforcementKindCodes.GatewayTlsWarning, ConfigPath.Child(path, "mode"), $"{mode} does not use certificates; Istio ignores them");
        }

        var sources = (serverCertificate.Length > 0 && privateKey.Length > 0 ? 1 : 0) + (credentialName.Length > 0 ? 1 : 0)
            + (credentialNames ? 1 : 0) + (certificates.Count > 0 ? 1 : 0);
        if (sources > 1)
        {
            f.Add(EnforcementKindCodes.GatewayTlsSettings, path, "only one of credentialName, credentialNames, serverCertificate/privateKey and tlsCertificates may be given");
        }

        var terminates = mode is "SIMPLE" or "MUTUAL" or "OPTIONAL_MUTUAL";
        if (terminates && (credentialName.Length > 0 || credentialNames))
        {
            return; // the certificates come from the credential
        }

        if (terminates)
        {
            var prefix = mode == "SIMPLE" ? "SIMPLE TLS" : "MUTUAL TLS";
            if (mode != "SIMPLE" && caCertificates.Length == 0)
            {
                f.Add(EnforcementKindCodes.GatewayTlsSettings, ConfigPath.Child(path, "caCertificates"), $"{prefix} requires a client CA bundle (caCertificates), or a credentialName");
            }

            if (certificates.Count > 2)
            {
                f.Add(EnforcementKindCodes.GatewayTlsWarning, ConfigPath.Child(path, "tlsCertificates"), $"{prefix} can use at most 2 server certificates");
            }

            var pairs = certificates.Count > 0
                ? certificates.Select((c, i) => (Cert: SpecNode.Text(c, "serverCertificate"), Key: SpecNode.Text(c, "privateKey"), Path: ConfigPath.Index(ConfigPath.Child(path, "tlsCertificates"), i)))
                : [(serverCertificate, privateKey, path)];
            foreach (var (cert, key, at) in pairs)
            {
                if (cert.Length == 0)
                {
                    f.Add(EnforcementKindCodes.GatewayTlsSettings, ConfigPath.Child(at, "serverCertificate"), $"{prefix} requires a server certificate (or a credentialName)");
                }

                if (key.Length == 0)
                {
                    f.Add(EnforcementKindCodes.GatewayTlsSettings, ConfigPath.Child(at, "privateKey"), $"{prefix} requires a private key (or a credentialName)");
                }
            }
        }

        if (caCrl.Length > 0)
        {
            if (credentialName.Length > 0)
            {
                f.Add(EnforcementKindCodes.GatewayTlsSettings, ConfigPath.Child(path, "caCrl"), "a CRL is not supported with credentialName; put the CRL in the credential");
            }

            if (mode == "SIMPLE")
            {
                f.Add(EnforcementKindCodes.GatewayTlsSettings, ConfigPath.Child(path, "caCrl"), "a CRL is not supported with SIMPLE TLS");
            }
        }
    }

    /// <summary>security.IsValidCipherSuite: empty, ALL, anything starting with a non-alphanumeric (an exclusion) or a known name.</summary>
    private static bool IsValidCipher(string cs) =>
        cs.Length == 0 || cs == "ALL" || !char.IsLetterOrDigit(cs[0]) || KnownCiphers.Contains(cs);
}
