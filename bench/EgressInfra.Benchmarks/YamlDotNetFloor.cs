using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace EgressInfra.Benchmarks;

/// <summary>
/// The least any tool must do for the same job: YamlDotNet loads the stack into its representation
/// model, then its emitter writes one document per (service, namespace) and one per namespace,
/// copying the service's nodes as they are. No validation, no model, no analysis.
/// </summary>
public static class YamlDotNetFloor
{
    public static (int Length, int Documents) Run(string text)
    {
        var writer = new StringWriter();
        var documents = Run(text, writer);
        return (writer.GetStringBuilder().Length, documents);
    }

    /// <summary>Loads <paramref name="text"/> and emits the documents to <paramref name="writer"/>.</summary>
    /// <returns>The number of documents written.</returns>
    public static int Run(string text, TextWriter writer)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var egress = (YamlMappingNode)((YamlMappingNode)root["config"])["egress-infra:egress"];
        var namespaces = (YamlSequenceNode)egress["namespaces"];
        var services = (YamlSequenceNode)egress["services"];

        var emitter = new Emitter(writer);
        var documents = 0;
        emitter.Emit(new StreamStart());
        foreach (var service in services.Cast<YamlMappingNode>())
        {
            foreach (var ns in (YamlSequenceNode)service["namespaces"])
            {
                emitter.Emit(new DocumentStart());
                emitter.Emit(new MappingStart());
                Pair(emitter, "apiVersion", "networking.istio.io/v1");
                Pair(emitter, "kind", "ServiceEntry");
                Scalar(emitter, "metadata");
                emitter.Emit(new MappingStart());
                Pair(emitter, "name", ((YamlScalarNode)service["name"]).Value!);
                Pair(emitter, "namespace", ((YamlScalarNode)ns).Value!);
                Scalar(emitter, "labels");
                emitter.Emit(new MappingStart());
                Pair(emitter, "app.kubernetes.io/managed-by", "egress-infra");
                Scalar(emitter, "egress-infra.io/service");
                Node(emitter, service["name"]);
                emitter.Emit(new MappingEnd());
                Scalar(emitter, "annotations");
                emitter.Emit(new MappingStart());
                Scalar(emitter, "egress-infra.io/owner");
                Node(emitter, service["owner"]);
                Scalar(emitter, "egress-infra.io/reason");
                Node(emitter, service["reason"]);
                emitter.Emit(new MappingEnd());
                emitter.Emit(new MappingEnd());
                Scalar(emitter, "spec");
                emitter.Emit(new MappingStart());
                foreach (var key in new[] { "hosts", "addresses", "ports", "location", "resolution" })
                {
                    if (service.Children.TryGetValue(key, out var value))
                    {
                        Scalar(emitter, key);
                        Node(emitter, value);
                    }
                }

                emitter.Emit(new MappingEnd());
                emitter.Emit(new MappingEnd());
                emitter.Emit(new DocumentEnd(isImplicit: true));
                documents++;
            }
        }

        foreach (var ns in namespaces)
        {
            emitter.Emit(new DocumentStart());
            emitter.Emit(new MappingStart());
            Pair(emitter, "apiVersion", "networking.istio.io/v1");
            Pair(emitter, "kind", "Sidecar");
            Scalar(emitter, "metadata");
            emitter.Emit(new MappingStart());
            Pair(emitter, "name", "default");
            Pair(emitter, "namespace", ((YamlScalarNode)ns).Value!);
            emitter.Emit(new MappingEnd());
            Scalar(emitter, "spec");
            emitter.Emit(new MappingStart());
            Scalar(emitter, "egress");
            Node(emitter, egress["sidecarImports"]);
            emitter.Emit(new MappingEnd());
            emitter.Emit(new MappingEnd());
            emitter.Emit(new DocumentEnd(isImplicit: true));
            documents++;
        }

        emitter.Emit(new StreamEnd());
        return documents;
    }

    private static void Pair(IEmitter emitter, string key, string value)
    {
        Scalar(emitter, key);
        Scalar(emitter, value);
    }

    private static void Scalar(IEmitter emitter, string value) => emitter.Emit(new YamlDotNet.Core.Events.Scalar(value));

    private static void Node(IEmitter emitter, YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                Scalar(emitter, scalar.Value ?? string.Empty);
                break;
            case YamlSequenceNode sequence:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
                foreach (var child in sequence)
                {
                    Node(emitter, child);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case YamlMappingNode mapping:
                emitter.Emit(new MappingStart());
                foreach (var (key, value) in mapping.Children)
                {
                    Node(emitter, key);
                    Node(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
        }
    }
}
