from hallmark.cli.main import run

run()
