import json

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from directory.selectors import roles_overview_for

from . import services
from .forms import DeleteAccountForm, ProfileForm
from .selectors import organisations_losing_last_admin


@login_required
def dashboard(request):
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            services.user_update_profile(
                user=request.user, display_name=form.cleaned_data["display_name"]
            )
            messages.success(request, _("Your name has been saved."))
            return redirect("accounts:dashboard")
    else:
        form = ProfileForm(initial={"display_name": request.user.display_name})
    return render(
        request,
        "accounts/dashboard.html",
        {
            "form": form,
            "two_factor_enabled": is_mfa_enabled(request.user),
            **roles_overview_for(request.user),
        },
    )


@login_required
@require_POST
def data_export(request):
    data = services.user_export_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    filename = f"gemeinwerk-daten-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_delete(user=request.user)
        logout(request)
        messages.success(request, _("Your account has been deleted."))
        return redirect("core:home")
    return render(
        request,
        "accounts/delete.html",
        {"form": form, "orphaned_organisations": organisations_losing_last_admin(request.user)},
    )
