import os

print("Greeting " + os.environ["BLOCK_CONFIG_GREETER"] + "!")
