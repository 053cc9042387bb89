from exposure_scan.cli import main

main()
