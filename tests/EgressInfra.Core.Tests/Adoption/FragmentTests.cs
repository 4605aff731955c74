using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Fragments;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Tests.Adoption;

public class FragmentTests
{
    private const string Stack = """
        config:
          egress-infra:environment: prod
          egress-infra:egress:
            namespaces: [payments, orders]
            include: ["egress.d/*.yaml"]
            services:
              - name: stripe-api
                hosts: [api.stripe.com]
                ports: [{ number: 443, protocol: TLS }]
                namespaces: [payments]
                owner: team-payments
                reason: Card payments.
        """;

    private const string Orders = """
        owner: team-orders
        services:
          - name: sendgrid-api
            hosts: [api.sendgrid.com]
            ports: [{ number: 443, protocol: TLS }]
            namespaces: [orders]
            reason: Order e-mails.
        presets:
          - { name: google-cloud-storage, reason: Invoices. }
        """;

    private static EgressPlan Evaluate(params (string Path, string Text)[] files)
    {
        var project = new InMemoryProjectFiles(files.ToDictionary(f => f.Path, f => f.Text));
        var document = FragmentResolver.Resolve(StackFile.Parse(Stack, "Pulumi.prod.yaml"), project);
        return EgressPipeline.Evaluate(document, new EvaluationOptions(new TestSupport.FixedClock(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public void FragmentServicesAndPresets_InheritTheFragmentsOwner()
    {
        var plan = Evaluate(("egress.d/orders.yaml", Orders));

        Assert.DoesNotContain(plan.Diagnostics, d => d.IsError);
        var sendgrid = Assert.Single(plan.Config!.Egress.Services, s => s.Name == "sendgrid-api");
        Assert.Equal("team-orders", sendgrid.Owner);
        Assert.Equal("team-orders", Assert.Single(plan.Config.Egress.Presets).Owner);
        Assert.Contains(plan.Manifests!.ServiceEntries, e => e.Metadata.Namespace == "orders" && e.Metadata.Name == "sendgrid-api");
    }

    [Fact]
    public void FindingsInAFragment_NameItsFileAndLine_AndTheFragmentsPath()
    {
        var plan = Evaluate(("egress.d/orders.yaml", Orders.Replace("namespaces: [orders]", "namespaces: [billing]", StringComparison.Ordinal)));

        var finding = Assert.Single(plan.Diagnostics, d => d.Code == ConfigCodes.UngovernedNamespace.Code);
        Assert.Equal("egress.d/orders.yaml", finding.Location!.File);
        Assert.Equal(6, finding.Location.Line);
        Assert.Equal("services[0].namespaces[0]", finding.Path);
    }

    [Theory]
    [InlineData("outboundTrafficPolicy: ALLOW_ANY")]
    [InlineData("namespaces: [kube-system]")]
    [InlineData("sidecarImports: [\"*/*\"]")]
    [InlineData("profile: permissive")]
    [InlineData("policy: { waivers: [] }")]
    [InlineData("mode: gateway")]
    [InlineData("include: [\"other/*.yaml\"]")]
    public void AFragment_CannotChangeStackWideSettings(string line)
    {
        var plan = Evaluate(("egress.d/orders.yaml", Orders + "\n" + line + "\n"));

        var finding = Assert.Single(plan.Diagnostics, d => d.Code == AdoptionCodes.FragmentStackSetting.Code);
        Assert.Equal("egress.d/orders.yaml", finding.Location!.File);
        Assert.True(plan.HasErrors);
        Assert.Null(plan.Manifests);
    }

    [Fact]
    public void AServiceDefinedTwiceAcrossFragments_IsAnErrorNamingBothPlaces()
    {
        var other = """
            owner: team-marketing
            services:
              - name: sendgrid-api
                hosts: [api.sendgrid.com]
                ports: [{ number: 443, protocol: TLS }]
                namespaces: [payments]
                reason: Newsletters.
            """;
        var plan = Evaluate(("egress.d/orders.yaml", Orders), ("egress.d/zz-marketing.yaml", other));

        var finding = Assert.Single(plan.Diagnostics, d => d.Code == AdoptionCodes.DefinedTwice.Code);
        Assert.Contains("egress.d/orders.yaml:3", finding.Message, StringComparison.Ordinal);
        Assert.Contains("egress.d/zz-marketing.yaml:3", finding.Message, StringComparison.Ordinal);
        Assert.Equal("egress.d/zz-marketing.yaml", finding.Location!.File);
    }

    [Fact]
    public void AFragmentRedefiningAStackService_NamesTheStackFileLine()
    {
        var plan = Evaluate(("egress.d/orders.yaml", Orders.Replace("sendgrid-api", "stripe-api", StringComparison.Ordinal)));

        var finding = Assert.Single(plan.Diagnostics, d => d.Code == AdoptionCodes.DefinedTwice.Code);
        Assert.Contains("Pulumi.prod.yaml:7", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnItemOwnedByAnotherTeam_AndAFragmentWithoutOwner_AreErrors()
    {
        var plan = Evaluate(
            ("egress.d/orders.yaml", Orders.Replace("reason: Order e-mails.", "reason: x\n    owner: team-payments", StringComparison.Ordinal)),
            ("egress.d/nobody.yaml", "services: []\n"));

        Assert.Contains(plan.Diagnostics, d => d.Code == AdoptionCodes.FragmentOwnerConflict.Code && d.Location!.File == "egress.d/orders.yaml");
        Assert.Contains(plan.Diagnostics, d => d.Code == AdoptionCodes.FragmentOwnerMissing.Code && d.Location!.File == "egress.d/nobody.yaml");
    }

    [Theory]
    [InlineData("../secrets/*.yaml", "EGR601")]
    [InlineData("/etc/passwd", "EGR601")]
    [InlineData("egress.d\\\\x.yaml", "EGR601")]
    [InlineData("missing/*.yaml", "EGR600")]
    public void IncludePatterns_StayInsideTheProject_AndMustMatch(string pattern, string code)
    {
        var project = new InMemoryProjectFiles(new Dictionary<string, string> { ["egress.d/orders.yaml"] = Orders });
        var stack = Stack.Replace("\"egress.d/*.yaml\"", $"\"{pattern}\"", StringComparison.Ordinal);
        var document = FragmentResolver.Resolve(StackFile.Parse(stack, "Pulumi.prod.yaml"), project);

        var problem = Assert.Single(document.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal("Pulumi.prod.yaml", problem.Location!.File);
    }

    [Fact]
    public void Globs_MatchWithinAFolder_AndDoubleStarAcrossFolders()
    {
        Assert.True(IncludePattern.Parse("egress.d/*.yaml", out _)!.Matches("egress.d/a.yaml"));
        Assert.False(IncludePattern.Parse("egress.d/*.yaml", out _)!.Matches("egress.d/team/a.yaml"));
        Assert.True(IncludePattern.Parse("egress.d/**/*.yaml", out _)!.Matches("egress.d/team/x/a.yaml"));
        Assert.True(IncludePattern.Parse("egress.d/**/*.yaml", out _)!.Matches("egress.d/a.yaml"));
        Assert.False(IncludePattern.Parse("egress.d/*.yaml", out _)!.Matches("egress.dXa.yaml"));
    }

    [Fact]
    public void CodeOwners_IsGeneratedFromOwners_AndVerifiedByTheLastMatchingLine()
    {
        var project = new InMemoryProjectFiles(new Dictionary<string, string> { ["egress.d/orders.yaml"] = Orders });
        var fragments = FragmentResolver.Resolve(StackFile.Parse(Stack, "Pulumi.prod.yaml"), project).Fragments;

        var block = CodeOwners.Block(fragments, "acme");
        Assert.Contains("/egress.d/orders.yaml @acme/team-orders\n", block, StringComparison.Ordinal);
        Assert.Empty(CodeOwners.Verify("* @platform\n" + block, "CODEOWNERS", fragments, "acme"));

        var hijacked = CodeOwners.Verify(block + "/egress.d/ @someone-else\n", "CODEOWNERS", fragments, "acme");
        var finding = Assert.Single(hijacked);
        Assert.Equal(AdoptionCodes.CodeOwnersMismatch.Code, finding.Code);
        Assert.Equal(4, finding.Location!.Line);
        Assert.Single(CodeOwners.Verify("# nothing\n", "CODEOWNERS", fragments, "acme"));
    }
}
