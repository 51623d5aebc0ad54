// One line to stdout, like `polycrate-build version`, and nothing else: what any native .NET executable costs to start.
Console.Out.WriteLine($"startup-baseline (.NET {Environment.Version})");
