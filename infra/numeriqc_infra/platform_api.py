"""The platform's own HTTP function: health, OpenAPI document, Swagger UI, and the `$default` 404."""

import json

from constructs import Construct

from numeriqc_infra.api import Api
from numeriqc_infra.functions import PlatformFunction
from numeriqc_infra.platform import Platform


class PlatformApi(Construct):
    """Build it after every service: it health-checks what they registered, and closes the list."""

    def __init__(self, scope: Construct, id: str, *, platform: Platform, api: Api) -> None:
        super().__init__(scope, id)
        from numeriqc.platform.handlers.api import app

        self.function = PlatformFunction(
            self,
            "PlatformApi",
            platform=platform,
            handler="numeriqc.platform.handlers.api.handler",
            environment={"PLATFORM_KEY_ARN": platform.key.key_arn},
            description="Health, OpenAPI document, Swagger UI and the problem+json 404",
        )
        self.function.add_environment("HEALTH_CHECKS", platform.health_check_environment(self.function))
        api.add_service(self.function, app, default_route=True)
        # Every resolver routed, this one included: `/openapi.json` documents exactly these.
        self.function.add_environment("API_MODULES", json.dumps(api.api_modules()))
