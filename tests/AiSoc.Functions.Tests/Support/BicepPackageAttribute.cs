namespace AiSoc.Functions.Tests;

/// <summary>The folder NuGet restored the Bicep CLI package into, written by the project file at build time.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class BicepPackageAttribute(string folder) : Attribute
{
    public string Folder { get; } = folder;
}
