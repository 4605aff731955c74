using System.Collections.Immutable;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;
using EgressInfra.Resources;
using EgressInfra.Resources.Istio;
using Pulumi;

namespace EgressInfra.PulumiBenchmarks;

/// <summary>
/// The two floors the program is measured against, both under the same mocks and with as many
/// registrations as the program makes (objects, provider, components, preflight reads; the mocks
/// never see the stack itself).
/// </summary>
internal sealed class PlainRegistrations
{
    private readonly IReadOnlyList<(string Type, string Name, ImmutableDictionary<string, object?> Inputs)> _objects;

    private PlainRegistrations(IReadOnlyList<(string, string, ImmutableDictionary<string, object?>)> objects) => _objects = objects;

    /// <summary>The stack's objects with the inputs the program registers, computed once, outside any measurement.</summary>
    public static PlainRegistrations For(string stackText, string projectName)
    {
        var plan = EgressPipeline.Evaluate(StackFile.Parse(stackText, $"Pulumi.{BenchProject.Stack}.yaml", projectName));
        var objects = plan.Manifests?.Objects ?? throw new InvalidOperationException("the generated stack has errors");
        return new PlainRegistrations([.. objects.Select(o => (KubernetesObjectResource.TypeToken(o), KubernetesObjectResource.LogicalName(o), PlainTree.Inputs(o)))]);
    }

    /// <summary>Bare: <paramref name="total"/> custom resources without inputs, parent, provider or options.</summary>
    public static Task<IDictionary<string, object?>> RegisterBare(int total)
    {
        for (var i = 0; i < total; i++)
        {
            _ = new CustomResource("kubernetes:networking.istio.io/v1:ServiceEntry", $"bare-{i}", ResourceArgs.Empty, options: null);
        }

        return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>());
    }

    /// <summary>
    /// Pulumi's own cost of the same data: each object as a plain custom resource with the program's
    /// inputs but no parent, provider or options, and bare ones up to <paramref name="total"/>. No
    /// config is read and no Core runs: the difference to the program is what the program adds.
    /// </summary>
    public Task<IDictionary<string, object?>> RegisterWithInputs(int total)
    {
        foreach (var (type, name, inputs) in _objects)
        {
            _ = new CustomResource(type, name, new DictionaryResourceArgs(inputs), options: null);
        }

        return RegisterBare(total - _objects.Count);
    }
}
