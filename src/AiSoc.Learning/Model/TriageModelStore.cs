using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML;

namespace AiSoc.Learning.Model;

/// <summary>
/// Saves and loads a <see cref="TriageModel"/> as one zip: <c>manifest.json</c> and one ML.NET model zip per class,
/// named <c>{class}.zip</c>.
/// </summary>
public static class TriageModelStore
{
    private const string ManifestEntry = "manifest.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/>, replacing any file there.</summary>
    public static void Save(TriageModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);

        using var file = File.Create(path);
        using var archive = new ZipArchive(file, ZipArchiveMode.Create);

        using (var manifest = archive.CreateEntry(ManifestEntry).Open())
        {
            JsonSerializer.Serialize(manifest, model.Manifest, JsonOptions);
        }

        var schema = FeatureRow.ToDataView(model.Context, [], model.Features.Length).Schema;
        for (var i = 0; i < model.Explainers.Count; i++)
        {
            using var buffer = new MemoryStream();
            model.Context.Model.Save(model.Explainers[i], schema, buffer);
            using var entry = archive.CreateEntry(model.Manifest.ClassNames[i] + ".zip", CompressionLevel.NoCompression).Open();
            entry.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }

    /// <summary>Reads a model saved by <see cref="Save"/>; throws <see cref="ModelLoadException"/> naming the file when it is missing or invalid.</summary>
    public static TriageModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelLoadException($"Model file not found: {path}. Train one with 'aisoc train <labelled data> --out {path}'.");
        }

        try
        {
            using var archive = ZipFile.OpenRead(path);
            var manifest = ReadManifest(archive, path);
            var context = new MLContext(seed: 0);
            var explainers = manifest.ClassNames.Select(name => ReadModel(archive, context, name, path)).ToArray();
            return new TriageModel(context, explainers, manifest);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new ModelLoadException($"Model file {path} is not a valid AiSoc triage model: {exception.Message}", exception);
        }
    }

    private static ModelManifest ReadManifest(ZipArchive archive, string path)
    {
        var entry = archive.GetEntry(ManifestEntry)
            ?? throw new ModelLoadException($"Model file {path} is not a valid AiSoc triage model: it has no {ManifestEntry}.");

        using var stream = entry.Open();
        var manifest = JsonSerializer.Deserialize<ModelManifest>(stream, JsonOptions)
            ?? throw new ModelLoadException($"Model file {path} has an empty {ManifestEntry}.");

        if (manifest.FormatVersion != ModelManifest.CurrentFormatVersion)
        {
            throw new ModelLoadException($"Model file {path} has format version {manifest.FormatVersion}; this build reads version {ModelManifest.CurrentFormatVersion}. Retrain the model.");
        }

        if (manifest.ClassNames.Count != 3 || manifest.FeatureNames.Count != manifest.Layout.FeatureNames().Count)
        {
            throw new ModelLoadException($"Model file {path} has an inconsistent {ManifestEntry}: expected 3 classes and a feature list that matches the layout.");
        }

        return manifest;
    }

    private static ITransformer ReadModel(ZipArchive archive, MLContext context, string className, string path)
    {
        var entry = archive.GetEntry(className + ".zip")
            ?? throw new ModelLoadException($"Model file {path} is not a valid AiSoc triage model: it has no {className}.zip.");

        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        return context.Model.Load(buffer, out _);
    }
}
