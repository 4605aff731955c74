using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Analysis;

/// <summary>
/// Each failure mode from a stack file to the diagnostic a user sees: the code, the config path
/// the finding maps back to, the line in the file and the ServiceEntry it concerns.
/// </summary>
public class AnalysisThroughPipelineTests
{
    [Fact]
    public void F2_HttpOn443_PointsAtTheProtocolLine()
    {
        var d = Single(AnalysisCodes.HttpOnTlsPort, """
            - name: vendor
              hosts: [api.vendor.com]
              ports:
                - number: 443
                  protocol: HTTP
            """, out var text);

        Assert.Equal("egress.services[0].ports[0].protocol", d.Path);
        Assert.Equal(LineOf(text, "protocol: HTTP"), d.Location?.Line);
        Assert.Equal("ServiceEntry payments/vendor", d.Resource);
    }

    [Fact]
    public void F3_TcpOn443_AndIst0134_PointAtTheProtocol()
    {
        var plan = Evaluate("""
            - name: vendor
              hosts: [api.vendor.com]
              ports:
                - { number: 443, protocol: TCP }
            """, out _);

        Assert.Equal("egress.services[0].ports[0].protocol", Find(plan, AnalysisCodes.TcpCapturesAllTls).Path);
        Assert.Equal("egress.services[0].ports[0].protocol", Find(plan, AnalysisCodes.AddressesRequired).Path);
    }

    [Theory]
    [InlineData("mongo")]
    [InlineData("Redis")]
    [InlineData("MYSQL")]
    public void F3_DatabaseOn443_IsReportedAtItsProtocolLine_WithoutIst0134(string protocol)
    {
        var d = Single(AnalysisCodes.TcpCapturesAllTls, $$"""
            - name: cache
              hosts: [cache.vendor.com]
              ports:
                - number: 443
                  protocol: {{protocol}}
            """, out var text);

        Assert.Equal("egress.services[0].ports[0].protocol", d.Path);
        Assert.Equal(LineOf(text, $"protocol: {protocol}"), d.Location?.Line);

        // IST0134 (istioctl analyze) is about unset and TCP only; it stays silent for these.
        Assert.DoesNotContain(Evaluate("""
            - name: cache
              hosts: [cache.vendor.com]
              ports:
                - { number: 443, protocol: Mongo }
            """, out _).Diagnostics, x => x.Code == AnalysisCodes.AddressesRequired.Code);
    }

    [Fact]
    public void F4_TwoDatabasesOnOnePort_BothReportedAtTheirPorts()
    {
        var plan = Evaluate("""
            - name: orders-db
              hosts: [orders.db.vendor.com]
              ports:
                - { number: 5432, protocol: TCP }
            - name: billing-db
              hosts: [billing.db.vendor.com]
              ports:
                - { number: 5432, protocol: TCP }
            """, out _);

        var paths = plan.Diagnostics.Where(d => d.Code == AnalysisCodes.SharedTcpPort.Code).Select(d => d.Path);
        Assert.Equal(["egress.services[0].ports[0]", "egress.services[1].ports[0]"], paths);
        Assert.False(plan.HasErrors);
    }

    [Fact]
    public void F4_ServicesInDifferentNamespaces_DoNotMeet()
    {
        var plan = Evaluate("""
            - name: orders-db
              hosts: [orders.db.vendor.com]
              namespaces: [orders]
              ports:
                - { number: 5432, protocol: TCP }
            - name: billing-db
              hosts: [billing.db.vendor.com]
              namespaces: [payments]
              ports:
                - { number: 5432, protocol: TCP }
            """, out _, namespaces: "[payments, orders]");

        Assert.DoesNotContain(plan.Diagnostics, d => d.Code == AnalysisCodes.SharedTcpPort.Code);
    }

    [Fact]
    public void F5_OverlappingRanges_PointAtTheAddress()
    {
        var plan = Evaluate("""
            - name: github-ssh
              hosts: [ssh.github.com]
              addresses: [140.82.112.0/20]
              ports:
                - { number: 22, protocol: TCP, name: ssh }
            - name: mirror-ssh
              hosts: [git.mirror.example.org]
              addresses: [140.82.121.4]
              ports:
                - { number: 22, protocol: TCP, name: ssh }
            """, out var text);

        var found = plan.Diagnostics.Where(d => d.Code == AnalysisCodes.OverlappingAddresses.Code).ToList();
        Assert.Equal(["egress.services[0].addresses[0]", "egress.services[1].addresses[0]"], found.Select(d => d.Path));
        Assert.Equal(LineOf(text, "140.82.121.4"), found[1].Location?.Line);
    }

    // One service yields an entry per namespace; the user sees each finding once, at the service.
    [Fact]
    public void F5_ServicesUsedInSeveralNamespaces_ReportedOncePerConfigPath()
    {
        var plan = Evaluate("""
            - name: wide
              hosts: [wide.vendor.com]
              addresses: [10.0.0.0/8]
              ports:
                - { number: 5432, protocol: TCP }
            - name: narrow
              hosts: [narrow.vendor.com]
              addresses: [10.2.0.0/16]
              ports:
                - { number: 5432, protocol: TCP }
            """, out _, namespaces: "[payments, orders]");

        var found = plan.Diagnostics.Where(d => d.Code == AnalysisCodes.OverlappingAddresses.Code).ToList();
        Assert.Equal(["egress.services[0].addresses[0]", "egress.services[1].addresses[0]"], found.Select(d => d.Path));
    }

    [Fact]
    public void F6_HostSplitAcrossServices_PointsAtTheHost()
    {
        var plan = Evaluate("""
            - name: vendor-https
              hosts: [api.vendor.com]
              ports:
                - { number: 443, protocol: TLS }
            - name: vendor-http
              hosts: [api.vendor.com]
              ports:
                - { number: 80, protocol: HTTP }
            """, out _);

        var paths = plan.Diagnostics.Where(d => d.Code == AnalysisCodes.SplitHost.Code).Select(d => d.Path);
        Assert.Equal(["egress.services[0].hosts[0]", "egress.services[1].hosts[0]"], paths);
    }

    [Fact]
    public void Ist0177_ConflictingProtocols_ReportedOnBothServices()
    {
        var plan = Evaluate("""
            - name: vendor-tls
              hosts: [api.vendor.com]
              ports:
                - { number: 443, protocol: TLS }
            - name: vendor-https
              hosts: [api.vendor.com]
              ports:
                - { number: 443, protocol: HTTPS }
            """, out _);

        var paths = plan.Diagnostics.Where(d => d.Code == AnalysisCodes.ConflictingProtocol.Code).Select(d => d.Path);
        Assert.Equal(["egress.services[0].ports[0].protocol", "egress.services[1].ports[0].protocol"], paths);
    }

    [Fact]
    public void Ist0177_PublicAndScopedServicesInSeveralNamespaces_ReportedOncePerConfigPath()
    {
        var plan = Evaluate("""
            - name: vendor
              hosts: [api.vendor.com]
              exportTo: ["*"]
              ports:
                - { number: 443, protocol: HTTPS }
            - name: vendor-tls
              hosts: [api.vendor.com]
              ports:
                - { number: 443, protocol: TLS }
            """, out _, namespaces: "[payments, orders]");

        var found = plan.Diagnostics.Where(d => d.Code == AnalysisCodes.ConflictingProtocol.Code).ToList();
        Assert.Equal(["egress.services[0].ports[0].protocol", "egress.services[1].ports[0].protocol"], found.Select(d => d.Path));
        Assert.Contains("as TLS by ServiceEntry vendor-tls in the same namespace", found[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    // On a stack the profile's rule speaks for this failure mode (it supersedes the analysis code).
    public void F9_HttpWithResolutionNone_PointsAtResolution()
    {
        var d = Single(PolicyCodes.NoResolutionNoneOnHttp, """
            - name: apt
              hosts: [deb.debian.org]
              resolution: NONE
              ports:
                - { number: 80, protocol: HTTP }
            """, out var text);

        Assert.Equal("egress.services[0].resolution", d.Path);
        Assert.Equal(LineOf(text, "resolution: NONE"), d.Location?.Line);
    }

    [Fact]
    // On a stack the profile's rule speaks for this failure mode (it supersedes the analysis code).
    public void F10_ExportToStar_PointsAtTheItem()
    {
        var d = Single(PolicyCodes.ExportToUsersOnly, """
            - name: vendor
              hosts: [api.vendor.com]
              exportTo: ["*"]
              ports:
                - { number: 443, protocol: TLS }
            """, out _);

        Assert.Equal("egress.services[0].exportTo[0]", d.Path);
    }

    [Fact]
    public void F13_MySqlDeclaredHttp_PointsAtTheProtocol()
    {
        var d = Single(AnalysisCodes.ServerFirstProtocol, """
            - name: legacy-db
              hosts: [db.vendor.com]
              addresses: [203.0.113.7]
              ports:
                - { number: 3306, protocol: HTTP }
            """, out _);

        Assert.Equal("egress.services[0].ports[0].protocol", d.Path);
    }

    [Fact]
    // On a stack the profile's rule speaks for this failure mode (it supersedes the analysis code).
    public void WildcardWithDefaultResolution_PointsAtTheHost()
    {
        var d = Single(PolicyCodes.NoWildcardHosts, """
            - name: gcp
              hosts: [storage.googleapis.com, "*.googleapis.com"]
              ports:
                - { number: 443, protocol: TLS }
            """, out _);

        Assert.Equal("egress.services[0].hosts[1]", d.Path);
    }

    [Fact]
    public void MeshInternalPublicHost_PointsAtLocation()
    {
        var d = Single(AnalysisCodes.MeshInternalExternalHost, """
            - name: stripe
              hosts: [api.stripe.com]
              location: MESH_INTERNAL
              ports:
                - { number: 443, protocol: TLS }
            """, out _);

        Assert.Equal("egress.services[0].location", d.Path);
    }

    // Findings are warnings: the stack still deploys, and a profile decides whether to raise them.
    [Fact]
    public void AnalysisFindings_AreWarningsAndKeepTheManifests()
    {
        var plan = Evaluate("""
            - name: vendor
              hosts: [api.vendor.com]
              exportTo: ["*"]
              ports:
                - { number: 443, protocol: HTTP }
            """, out _);

        Assert.NotEmpty(plan.Warnings);
        Assert.NotNull(plan.Manifests);
    }

    private static EgressInfra.Core.Pipeline.EgressPlan Evaluate(string services, out string text, string namespaces = "[payments]")
    {
        text = StackText.WithServices(services, namespaces: namespaces);
        return StackText.Evaluate(text);
    }

    private static Diagnostic Single(DiagnosticDescriptor descriptor, string services, out string text)
    {
        var plan = Evaluate(services, out text);
        return Assert.Single(plan.Diagnostics, d => d.Code == descriptor.Code);
    }

    private static Diagnostic Find(EgressInfra.Core.Pipeline.EgressPlan plan, DiagnosticDescriptor descriptor) =>
        Assert.Single(plan.Diagnostics, d => d.Code == descriptor.Code);

    private static int LineOf(string text, string fragment) =>
        text.Split('\n').Select((line, i) => (line, i)).First(x => x.line.Contains(fragment, StringComparison.Ordinal)).i + 1;
}
